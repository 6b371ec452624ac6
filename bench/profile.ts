// Runs a function under V8's CPU profiler and summarises where the time went (self time by function).
import { Session } from 'node:inspector/promises';

/** One line of a profile summary: a function (name and file:line) and its share of the samples. */
export type ProfileLine = { fn: string; where: string; selfMs: number; share: number };

type ProfileNode = { id: number; hitCount?: number; callFrame: { functionName: string; url: string; lineNumber: number } };
type Profile = { nodes: ProfileNode[]; startTime: number; endTime: number };

/** Self time per function of a V8 CPU profile, largest first, merged by name and location. */
export function summariseProfile(profile: Profile, top: number): ProfileLine[] {
  const totalHits = profile.nodes.reduce((sum, n) => sum + (n.hitCount ?? 0), 0) || 1;
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const byFn = new Map<string, ProfileLine>();
  for (const n of profile.nodes) {
    const { functionName, url, lineNumber } = n.callFrame;
    const file = url.replace(/^file:\/\//, '').replace(/^.*?\/(node_modules\/|work\/main\/)/, '$1');
    const where = file ? `${file}:${lineNumber + 1}` : '(native)';
    const key = `${functionName}@${where}`;
    const line = byFn.get(key) ?? { fn: functionName || '(anonymous)', where, selfMs: 0, share: 0 };
    line.share += (n.hitCount ?? 0) / totalHits;
    line.selfMs = line.share * totalMs;
    byFn.set(key, line);
  }
  return [...byFn.values()].sort((a, b) => b.share - a.share).slice(0, top);
}

/** Profiles `run` (sampling every 100 µs) and returns its `top` functions by self time. */
export async function profile(run: () => Promise<void>, top = 12): Promise<ProfileLine[]> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  const outcome = await run().then(
    () => null,
    (err: unknown) => ({ err }),
  );
  const { profile: result } = await session.post('Profiler.stop');
  session.disconnect();
  if (outcome) throw outcome.err;
  return summariseProfile(result as unknown as Profile, top);
}
