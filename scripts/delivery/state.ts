import fs from "node:fs";
import path from "node:path";

/**
 * What is live on the box, kept in DEPLOY_ROOT/state.json: the slot taking
 * traffic, the one before it (stopped, kept for rollback) and which releases'
 * assets the shared folder still holds. Pure transitions here; the scripts
 * read and write the file.
 */

export type Slot = "blue" | "green";
export const SLOTS: readonly Slot[] = ["blue", "green"];

export interface SlotRelease {
  slot: Slot;
  release: string;
  /** The newest migration applied when this release went live (kapatiran_migrations.tag). */
  migrationLevel: string | null;
  since: string;
}

export interface DeployState {
  live: SlotRelease | null;
  previous: SlotRelease | null;
  /** Releases whose assets are in the shared folder, oldest first. */
  assetReleases: string[];
}

export const emptyState = (): DeployState => ({ live: null, previous: null, assetReleases: [] });

export const otherSlot = (slot: Slot): Slot => (slot === "blue" ? "green" : "blue");

/** Where the next release starts: the slot not taking traffic (blue on a new box). */
export function idleSlot(state: DeployState): Slot {
  return state.live ? otherSlot(state.live.slot) : "blue";
}

/** After a release went live in `slot`: the old live one becomes the way back. */
export function afterSwitch(state: DeployState, now: SlotRelease): DeployState {
  return { ...state, live: now, previous: state.live };
}

/**
 * What `scripts/rollback` goes back to, or why it cannot. A rollback is itself a
 * switch, so running it twice goes forward again.
 */
export function rollbackTarget(state: DeployState): { target: SlotRelease } | { refused: string } {
  if (!state.live) return { refused: "nothing is deployed yet (state.json has no live release)" };
  if (!state.previous) return { refused: `there is no previous release to go back to (${state.live.release} is the only one deployed)` };
  if (state.previous.release === state.live.release) {
    return { refused: `the previous release is ${state.live.release} too: nothing to roll back` };
  }
  return { target: state.previous };
}

/** Remember that `release`'s assets were published; the newest last, each once. */
export function withAssetRelease(state: DeployState, release: string): DeployState {
  return { ...state, assetReleases: [...state.assetReleases.filter((r) => r !== release), release] };
}

/**
 * Which releases' assets to keep: the last `keep`, and always the live and
 * previous ones (a rollback must find its scripts).
 */
export function assetReleasesToKeep(state: DeployState, keep: number): { kept: string[]; pruned: string[] } {
  const mustKeep = new Set([state.live?.release, state.previous?.release].filter((r): r is string => Boolean(r)));
  const recent = new Set(state.assetReleases.slice(-Math.max(keep, 1)));
  const kept = state.assetReleases.filter((r) => recent.has(r) || mustKeep.has(r));
  const pruned = state.assetReleases.filter((r) => !kept.includes(r));
  return { kept, pruned };
}

export function readState(file: string): DeployState {
  if (!fs.existsSync(file)) return emptyState();
  const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<DeployState>;
  return { ...emptyState(), ...parsed };
}

/** Written to a temporary file and renamed, so a crash never leaves half a state file. */
export function writeState(file: string, state: DeployState) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`);
  fs.renameSync(temporary, file);
}
