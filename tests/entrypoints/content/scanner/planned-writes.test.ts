import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BlockPlan } from '../../../../entrypoints/content/scanner/mark-block';
import { atNextFrame, PlannedWrites } from '../../../../entrypoints/content/scanner/planned-writes';

/** A plan over `nodes` (only the nodes matter to the queue). */
const planOver = (...nodes: Text[]): BlockPlan => ({
  block: { text: '', nodes, starts: nodes.map(() => 0), marks: [], linked: false },
  data: nodes.map((node) => node.data),
  parents: nodes.map((node) => node.parentNode),
  toWrap: [],
  toUnwrap: [],
});

describe('PlannedWrites', () => {
  it('gives plans back in the order they were read', () => {
    const [a, b, c] = ['a', 'b', 'c'].map((t) => document.createTextNode(t)) as [Text, Text, Text];
    const queue = new PlannedWrites();
    const plans = [planOver(a), planOver(b), planOver(c)];
    for (const plan of plans) queue.add(plan);
    expect(queue.size).toBe(3);
    expect([queue.take(), queue.take(), queue.take(), queue.take()]).toEqual([...plans, undefined]);
    expect(queue.size).toBe(0);
  });

  it('drops an older plan that read any of the same text nodes', () => {
    const [a, b, c] = ['a', 'b', 'c'].map((t) => document.createTextNode(t)) as [Text, Text, Text];
    const queue = new PlannedWrites();
    const older = planOver(a, b);
    const other = planOver(c);
    const newer = planOver(b);
    queue.add(older);
    queue.add(other);
    queue.add(newer);
    expect(queue.size).toBe(2);
    expect([queue.take(), queue.take(), queue.take()]).toEqual([other, newer, undefined]);
  });

  it('forgets everything on clear', () => {
    const queue = new PlannedWrites();
    queue.add(planOver(document.createTextNode('a')));
    queue.clear();
    expect(queue.size).toBe(0);
    expect(queue.take()).toBeUndefined();
  });
});

describe('atNextFrame', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('runs at the next animation frame of a visible document, once', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const frames: FrameRequestCallback[] = [];
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => {
      frames.push(callback);
      return frames.length;
    });
    let runs = 0;
    atNextFrame(document, () => runs++);
    expect(runs).toBe(0);
    expect(frames).toHaveLength(1);
    frames[0]?.(performance.now());
    expect(runs).toBe(1);
    // The fallback timer (for a tab hidden meanwhile) was cleared: no second run.
    vi.runAllTimers();
    expect(runs).toBe(1);
  });

  it('runs after its fallback timer when no frame comes (a tab hidden after asking)', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 1);
    let runs = 0;
    atNextFrame(document, () => runs++);
    expect(runs).toBe(0);
    vi.runAllTimers();
    expect(runs).toBe(1);
  });

  it('runs in a task when the document is hidden (it paints no frames)', async () => {
    const request = vi.spyOn(window, 'requestAnimationFrame');
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    const ran = new Promise<void>((done) => atNextFrame(document, done));
    await ran;
    expect(request).not.toHaveBeenCalled();
  });
});
