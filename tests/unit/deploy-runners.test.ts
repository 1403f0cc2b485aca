import { describe, expect, it } from "vitest";
import { loadConfig, readFlags } from "../../scripts/delivery/config";
import { dockerRunArgs, dockerRunner, dockerTaskArgs } from "../../scripts/delivery/runners";

const config = loadConfig(readFlags(["--image", "123.dkr.ecr.ap-southeast-1.amazonaws.com/kapatiran"]), {});
const image = "123.dkr.ecr.ap-southeast-1.amazonaws.com/kapatiran";

/** Runs nothing: records each docker command line and answers as told. */
function recorder(answer: (args: string[]) => { code: number; output: string } = () => ({ code: 0, output: "" })) {
  const commands: string[] = [];
  const exec = async (command: string, args: string[]) => {
    commands.push([command, ...args].join(" "));
    return answer(args);
  };
  return { commands, runner: dockerRunner(config, exec) };
}

describe("the docker runner's command lines", () => {
  it("starts a slot read-only, on loopback, with the box's env file and the slot's name", () => {
    expect(dockerRunArgs(config, "green", "abc123", 3002).join(" ")).toBe(
      [
        "run --detach --name kapatiran-green --restart unless-stopped",
        "--read-only --tmpfs /tmp --env-file /srv/kapatiran/app.env",
        "--env INSTANCE_NAME=green --env RELEASE=abc123",
        "--volume kapatiran-data:/var/lib/kapatiran --publish 127.0.0.1:3002:3000",
        `${image}:abc123`,
      ].join(" "),
    );
  });

  it("on the host network, the slot listens on its own port (to reach a PostgreSQL on the box's loopback)", () => {
    const host = { ...config, dockerNetwork: "host" as const };
    const args = dockerRunArgs(host, "blue", "abc123", 3001).join(" ");
    expect(args).toContain("--network host --env PORT=3001");
    expect(args).not.toContain("--publish");
    expect(dockerTaskArgs(host, "abc123", "migrate", []).join(" ")).toContain("--network host");
  });

  it("runs a task (the migration runner) in a throwaway container of the release", () => {
    expect(dockerTaskArgs(config, "abc123", "db-rollback", ["--to", "0015_operations"]).join(" ")).toBe(
      `run --rm --read-only --tmpfs /tmp --env-file /srv/kapatiran/app.env --volume kapatiran-data:/var/lib/kapatiran ${image}:abc123 node build/scripts/db-rollback.js --to 0015_operations`,
    );
  });

  it("frees the slot's name before starting, and stops without removing (the image stays for rollback)", async () => {
    const { commands, runner } = recorder();
    await runner.start("blue", "abc123", 3001);
    await runner.stop("blue", 15);
    expect(commands).toEqual([
      "docker rm --force kapatiran-blue",
      `docker ${dockerRunArgs(config, "blue", "abc123", 3001).join(" ")}`,
      "docker stop --time 15 kapatiran-blue",
    ]);
    expect(commands.join("\n")).not.toMatch(/docker rmi|image rm/);
  });

  it("copies the release's assets out of a created (never started) container", async () => {
    const { commands, runner } = recorder();
    await runner.exportAssets("abc123", "/srv/kapatiran/tmp/assets");
    expect(commands).toEqual([
      "docker rm --force kapatiran-assets-abc123",
      `docker create --name kapatiran-assets-abc123 ${image}:abc123`,
      "docker cp kapatiran-assets-abc123:/app/public/build/. /srv/kapatiran/tmp/assets",
      "docker rm --force kapatiran-assets-abc123",
    ]);
  });

  it("pulls an image the box does not have, and says why it cannot when the pull fails", async () => {
    const { commands, runner } = recorder((args) => ({ code: 1, output: args[0] === "pull" ? "no basic auth credentials" : "" }));
    expect(await runner.missing("abc123")).toMatch(/cannot pull .*abc123 .*logged in.*no basic auth credentials/);
    expect(commands).toEqual([`docker image inspect ${image}:abc123`, `docker pull ${image}:abc123`]);
  });

  it("asks docker whether a slot runs", async () => {
    const running = recorder(() => ({ code: 0, output: "true\n" }));
    expect(await running.runner.isRunning("green")).toBe(true);
    expect(running.commands).toEqual(["docker inspect --format {{.State.Running}} kapatiran-green"]);
    expect(await recorder(() => ({ code: 1, output: "No such object" })).runner.isRunning("green")).toBe(false);
  });
});
