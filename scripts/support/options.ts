import net from "node:net";

/**
 * A script's command line: `--help` prints `usage` and exits; `option(name,
 * fallback)` reads `--name value`.
 */
export function commandLine(usage: string) {
  const args = process.argv.slice(2);
  if (args.includes("--help")) {
    console.log(usage);
    process.exit(0);
  }
  return {
    args,
    option(name: string, fallback: string) {
      const at = args.indexOf(name);
      return at === -1 ? fallback : (args[at + 1] ?? fallback);
    },
  };
}

/** A TCP port nothing listens on right now, on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
