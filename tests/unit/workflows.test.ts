import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

/**
 * The GitHub Actions workflows cannot run here, so this reads them: the jobs
 * they name exist, main deploys to staging before production and production
 * waits for an approval environment, AWS is reached through OIDC only, and
 * every script a step runs is in the repository.
 */

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  uses?: string;
  with?: Record<string, unknown>;
  permissions?: Record<string, string> | string;
  environment?: string | { name: string; url?: string };
  steps?: Step[];
  outputs?: Record<string, string>;
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const directory = path.resolve(".github/workflows");
const files = fs.readdirSync(directory).filter((file) => /\.ya?ml$/.test(file));
const texts = Object.fromEntries(files.map((file) => [file, fs.readFileSync(path.join(directory, file), "utf8")]));
const workflows = Object.fromEntries(files.map((file) => [file, parse(texts[file]!) as Workflow]));
const workflow = (file: string) => workflows[file] ?? expect.fail(`.github/workflows/${file} is missing`);

const needsOf = (job: Job) => (job.needs === undefined ? [] : [job.needs].flat());
const runsOf = (job: Job) => (job.steps ?? []).flatMap((step) => (step.run ? [step.run] : []));
/** The workflow a job calls with `uses: ./.github/workflows/x.yml`, if any. */
const calledBy = (job: Job) =>
  job.uses?.startsWith("./.github/workflows/") ? workflow(path.basename(job.uses)) : undefined;

/** Every job `name` waits for, directly or through the jobs it waits for. */
function upstreamOf(jobs: Record<string, Job>, name: string, seen = new Set<string>()): Set<string> {
  for (const need of needsOf(jobs[name]!)) {
    if (seen.has(need)) continue;
    seen.add(need);
    upstreamOf(jobs, need, seen);
  }
  return seen;
}

/** A job that reaches AWS: an aws-actions step, the aws CLI, or a called workflow that does. */
function touchesAws(job: Job): boolean {
  const called = calledBy(job);
  if (called) return Object.values(called.jobs).some(touchesAws);
  return (job.steps ?? []).some(
    (step) => step.uses?.startsWith("aws-actions/") || /(^|\s)aws\s|deploy-on-box/.test(step.run ?? ""),
  );
}

const grants = (wf: Workflow, job: Job, permission: string, level: string) => {
  const own = job.permissions ?? wf.permissions;
  return typeof own === "object" && own[permission] === level;
};

describe("the workflows", () => {
  it("are there and parse, each with triggers and jobs", () => {
    expect(files).toEqual(expect.arrayContaining(["ci.yml", "deploy.yml", "hotfix.yml"]));
    for (const [file, wf] of Object.entries(workflows)) {
      expect(wf.on, file).toBeTypeOf("object");
      expect(Object.keys(wf.jobs ?? {}).length, file).toBeGreaterThan(0);
    }
  });

  it("name only jobs that exist in `needs`", () => {
    for (const [file, wf] of Object.entries(workflows)) {
      for (const [name, job] of Object.entries(wf.jobs)) {
        for (const need of needsOf(job)) expect(Object.keys(wf.jobs), `${file}: ${name} needs ${need}`).toContain(need);
      }
    }
  });

  it("call only reusable workflows that exist and declare workflow_call", () => {
    for (const wf of Object.values(workflows)) {
      for (const job of Object.values(wf.jobs)) {
        if (job.uses?.startsWith("./")) expect(calledBy(job)?.on).toHaveProperty("workflow_call");
      }
    }
  });

  it("run CI on pushes to main, pull requests, a nightly schedule and by hand", () => {
    const on = workflow("ci.yml").on as {
      push?: { branches?: string[] };
      pull_request?: unknown;
      schedule?: { cron: string }[];
      workflow_dispatch?: unknown;
    };
    expect(on.push?.branches).toContain("main");
    expect(on).toHaveProperty("pull_request");
    expect(on.schedule?.[0]?.cron).toMatch(/^\S+ \S+ \* \* \*$/);
    expect(on).toHaveProperty("workflow_dispatch");
  });

  it("lint, typecheck, test, scan and build the image in CI", () => {
    const runs = Object.values(workflow("ci.yml").jobs).flatMap(runsOf).join("\n");
    const uses = Object.values(workflow("ci.yml").jobs)
      .flatMap((job) => job.steps ?? [])
      .map((step) => step.uses ?? "");
    for (const command of ["npm run lint", "npm run typecheck", ".ci/run", "npm audit --audit-level=high"]) {
      expect(runs).toContain(command);
    }
    expect(uses.some((use) => use.startsWith("github/codeql-action/analyze@"))).toBe(true);
    expect(uses.some((use) => use.startsWith("aquasecurity/trivy-action@"))).toBe(true);
    expect(uses.some((use) => use.startsWith("docker/build-push-action@"))).toBe(true);
  });

  it("push the image, and deploy, only from main and only after every check passed", () => {
    const { jobs } = workflow("ci.yml");
    const push = Object.entries(jobs).find(([, job]) => runsOf(job).some((run) => run.includes("docker push")));
    expect(push, "a job pushes the image").toBeDefined();
    const [pushName, pushJob] = push!;
    expect(pushJob.if).toContain("github.ref == 'refs/heads/main'");
    expect(pushJob.if).not.toContain("pull_request");
    for (const check of ["lint", "test", "audit", "codeql", "image-scan"]) {
      expect(upstreamOf(jobs, pushName)).toContain(check);
    }
    for (const [name, job] of Object.entries(jobs)) {
      if (calledBy(job) === workflow("deploy.yml")) expect(upstreamOf(jobs, name)).toContain(pushName);
    }
  });

  it("deploy production only after staging's smoke tests, through the production environment", () => {
    const { jobs } = workflow("ci.yml");
    const deployTo = (environment: string) =>
      Object.entries(jobs).find(([, job]) => calledBy(job) && job.with?.environment === environment);
    const staging = deployTo("staging");
    const production = deployTo("production");
    expect(staging, "a job deploys to staging").toBeDefined();
    expect(production, "a job deploys to production").toBeDefined();
    expect(upstreamOf(jobs, production![0])).toContain(staging![0]);

    // The called workflow: the deploy job is gated by the environment it is given, and
    // a smoke job after it runs scripts/smoke (a caller waits for all of its jobs).
    const deploy = calledBy(staging![1])!;
    const gated = Object.entries(deploy.jobs).filter(([, job]) => touchesAws(job));
    expect(gated.length).toBeGreaterThan(0);
    for (const [, job] of gated) {
      const environment = typeof job.environment === "string" ? job.environment : job.environment?.name;
      expect(environment).toBe("${{ inputs.environment }}");
    }
    const smoke = Object.entries(deploy.jobs).find(([, job]) => runsOf(job).some((run) => run.includes("scripts/smoke")));
    expect(smoke, "a job runs scripts/smoke").toBeDefined();
    for (const [name] of gated) expect(upstreamOf(deploy.jobs, smoke![0])).toContain(name);
    // The environment names the deploy job: an approval rule on "production" applies to it.
    expect(production![1].with?.environment).toBe("production");
  });

  it("reach AWS only through GitHub's OIDC token: id-token: write, never access keys", () => {
    for (const [file, wf] of Object.entries(workflows)) {
      for (const [name, job] of Object.entries(wf.jobs)) {
        if (touchesAws(job)) expect(grants(wf, job, "id-token", "write"), `${file}: ${name}`).toBe(true);
        for (const step of job.steps ?? []) {
          if (step.uses?.startsWith("aws-actions/configure-aws-credentials")) {
            expect(step.with?.["role-to-assume"], `${file}: ${name}`).toBeTruthy();
          }
        }
      }
      expect(texts[file]).not.toMatch(/aws-access-key-id|aws-secret-access-key|AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY/i);
    }
  });

  it("offer a hotfix: a given image tag to a chosen environment, production still approved", () => {
    const wf = workflow("hotfix.yml");
    const dispatch = wf.on.workflow_dispatch as { inputs: Record<string, { required?: boolean; options?: string[] }> };
    expect(dispatch.inputs.tag?.required).toBe(true);
    expect(dispatch.inputs.environment?.options).toEqual(expect.arrayContaining(["staging", "production"]));
    const deploying = Object.values(wf.jobs).filter((job) => calledBy(job) === workflow("deploy.yml"));
    expect(deploying).toHaveLength(1);
    expect(deploying[0]!.with).toMatchObject({ tag: "${{ inputs.tag }}", environment: "${{ inputs.environment }}" });
  });

  it("never paste inputs or event text into a shell (they go through env)", () => {
    for (const [file, wf] of Object.entries(workflows)) {
      for (const run of Object.values(wf.jobs).flatMap(runsOf)) {
        expect(run, file).not.toMatch(/\$\{\{\s*(inputs|github\.event|github\.head_ref)/);
      }
    }
  });

  it("pin every action to a version, never a moving branch", () => {
    for (const [file, wf] of Object.entries(workflows)) {
      for (const step of Object.values(wf.jobs).flatMap((job) => job.steps ?? [])) {
        if (step.uses && !step.uses.startsWith("./")) expect(step.uses, file).toMatch(/@v\d+(\.\d+){0,2}$/);
      }
    }
  });

  it("run only scripts that are in the repository", () => {
    const scriptsRun = Object.values(workflows)
      .flatMap((wf) => Object.values(wf.jobs).flatMap(runsOf))
      .flatMap((run) => [...run.matchAll(/(?<![\w/.-])((?:\.ci|\.github\/scripts|scripts)\/[\w.-]+)/g)].map((m) => m[1]!));
    expect(scriptsRun).toEqual(expect.arrayContaining([".ci/run", "scripts/smoke", ".github/scripts/deploy-on-box"]));
    // On the box, deploy-on-box runs scripts/deploy from the tools folder.
    const onTheBox = fs.readFileSync(".github/scripts/deploy-on-box", "utf8");
    expect(onTheBox).toMatch(/\$tools\/scripts\/deploy --runner docker --image \$repository_uri --release \$tag/);
    for (const script of new Set([...scriptsRun, "scripts/deploy"])) {
      expect(fs.existsSync(script), `${script} exists`).toBe(true);
      if (script !== ".ci/run") expect(fs.statSync(script).mode & 0o111, `${script} is executable`).not.toBe(0);
    }
  });
});
