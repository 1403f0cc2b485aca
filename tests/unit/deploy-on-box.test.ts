import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/**
 * .github/scripts/deploy-on-box against a stand-in `aws` command (AWS is the
 * edge we do not own): it refuses a tag ECR does not have, sends scripts/deploy
 * to the tagged box through SSM, waits for the command, and fails when the
 * deploy failed or no box answered.
 */

const directory = fs.mkdtempSync(path.join(os.tmpdir(), "pipeline-aws-"));
afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

// Answers by subcommand; STATUSES is the list of statuses list-commands returns in turn.
fs.writeFileSync(
  path.join(directory, "aws"),
  `#!/usr/bin/env bash
echo "$*" >> "$AWS_CALLS"
case "$1 $2" in
  "ecr describe-repositories") echo "123456789012.dkr.ecr.ap-southeast-1.amazonaws.com/kapatiran" ;;
  "ecr describe-images") [ "$IMAGE_EXISTS" = yes ] || { echo "ImageNotFoundException" >&2; exit 254; } ;;
  "ssm send-command") echo "cmd-0001" ;;
  "ssm list-commands")
    if [[ "$*" == *TargetCount* ]]; then echo "$TARGETS"; exit 0; fi
    count=$(grep -c "ssm list-commands" "$AWS_CALLS")
    set -- $STATUSES; shift $(( count > $# ? $# - 1 : count - 1 )); echo "$1" ;;
  "ssm list-command-invocations") printf 'i-0abc\\t%s\\tdeployed on the box\\n' "$FINAL" ;;
  *) echo "unexpected aws $*" >&2; exit 2 ;;
esac
`,
  { mode: 0o755 },
);

function deploy(scenario: { imageExists?: boolean; statuses?: string[]; targets?: number; tag?: string }) {
  const calls = path.join(directory, `calls-${Math.random().toString(36).slice(2)}`);
  fs.writeFileSync(calls, "");
  const statuses = scenario.statuses ?? ["Success"];
  const result = spawnSync(".github/scripts/deploy-on-box", ["staging", scenario.tag ?? "3f9c2ab"], {
    encoding: "utf8",
    env: {
      NODE_ENV: "test",
      PATH: `${directory}:${process.env.PATH}`,
      AWS_CALLS: calls,
      AWS_REGION: "ap-southeast-1",
      ECR_REPOSITORY: "kapatiran",
      IMAGE_EXISTS: scenario.imageExists === false ? "no" : "yes",
      STATUSES: statuses.join(" "),
      FINAL: statuses[statuses.length - 1]!,
      TARGETS: String(scenario.targets ?? 1),
      SSM_POLL_SECONDS: "0",
      GITHUB_ACTOR: "octocat",
    },
  });
  return { ...result, calls: fs.readFileSync(calls, "utf8").trim().split("\n") };
}

describe(".github/scripts/deploy-on-box", () => {
  it("sends scripts/deploy to the box tagged with the environment and waits until it is done", () => {
    const { status, stdout, calls } = deploy({ statuses: ["Pending", "InProgress", "Success"] });
    expect(status, stdout).toBe(0);
    const send = calls.find((call) => call.startsWith("ssm send-command"))!;
    expect(send).toContain("--document-name AWS-RunShellScript");
    expect(send).toContain("--targets Key=tag:kapatiran-env,Values=staging");
    const image = "123456789012.dkr.ecr.ap-southeast-1.amazonaws.com/kapatiran:3f9c2ab";
    expect(send).toContain(`"docker pull ${image}"`);
    // The tools of the release being deployed are copied out of its image before they run.
    expect(send).toContain(`docker create --name kapatiran-tools ${image}`);
    expect(send).toContain("docker cp kapatiran-tools:/app/scripts /opt/kapatiran/tools.new/scripts");
    expect(send.indexOf("kapatiran-tools:/app/scripts")).toBeLessThan(send.indexOf("/opt/kapatiran/tools/scripts/deploy"));
    expect(send).toContain(
      '"/opt/kapatiran/tools/scripts/deploy --runner docker --image 123456789012.dkr.ecr.ap-southeast-1.amazonaws.com/kapatiran --release 3f9c2ab --actor github:octocat"',
    );
    expect(calls.filter((call) => call.startsWith("ssm list-commands --command-id cmd-0001 --query Commands[0].Status"))).toHaveLength(3);
    expect(stdout).toContain("deployed on the box");
    expect(stdout).toContain("deployed 3f9c2ab to staging");
  });

  it("records the commit when the tag is one, and refuses a tag a shell would read as more", () => {
    const commit = "3f9c2ab1d0e4c5b6a7f8091a2b3c4d5e6f708192";
    const sent = deploy({ tag: commit }).calls.find((call) => call.startsWith("ssm send-command"))!;
    expect(sent).toContain(`--release ${commit} --commit ${commit} --actor`);
    const { status, stdout, calls } = deploy({ tag: "x; reboot" });
    expect(status).toBe(1);
    expect(stdout).toContain("may hold only letters, digits");
    expect(calls).toEqual([""]);
  });

  it("refuses a tag that is not in ECR without touching the box", () => {
    const { status, stdout, calls } = deploy({ imageExists: false });
    expect(status).toBe(1);
    expect(stdout).toContain("no image 123456789012.dkr.ecr.ap-southeast-1.amazonaws.com/kapatiran:3f9c2ab in ECR");
    expect(calls.some((call) => call.startsWith("ssm"))).toBe(false);
  });

  it("fails when the deploy on the box failed, saying so", () => {
    const { status, stdout } = deploy({ statuses: ["InProgress", "Failed"] });
    expect(status).toBe(1);
    expect(stdout).toContain("the deploy on staging ended with status Failed");
    expect(stdout).toContain("deployed on the box"); // the box's own output is shown
  });

  it("fails when no box has the environment's tag", () => {
    const { status, stdout } = deploy({ targets: 0 });
    expect(status).toBe(1);
    expect(stdout).toContain("no instance is tagged kapatiran-env=staging");
  });
});
