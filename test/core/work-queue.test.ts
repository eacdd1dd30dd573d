import { describe, expect, it } from 'vitest';
import { WorkQueue } from '../../src/core/work-queue.ts';

const quietLogger = () => {
  const warnings: string[] = [];
  return { warnings, logger: { warn: (_context: object, message: string) => void warnings.push(message) } as never };
};

describe('WorkQueue', () => {
  it('runs jobs one at a time in arrival order, a "first" job ahead of the backlog, and settles as each job does', async () => {
    const { logger } = quietLogger();
    const queue = new WorkQueue({ name: 'test', logger });
    const order: string[] = [];
    const job = (name: string) => async () => {
      order.push(`${name} start`);
      await new Promise((resolve) => setImmediate(resolve));
      order.push(`${name} end`);
      return name;
    };
    const results = [queue.run(job('a')), queue.run(job('b')), queue.run(job('c'), { first: true })];
    const failed = queue.run(async () => {
      throw new Error('job failed');
    });
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c']);
    await expect(failed).rejects.toThrow('job failed');
    expect(order).toEqual(['c start', 'c end', 'a start', 'a end', 'b start', 'b end']);
  });

  it('lets requests already received in before the next job starts', async () => {
    const { logger } = quietLogger();
    const queue = new WorkQueue({ name: 'test', logger });
    const order: string[] = [];
    const first = queue.run(async () => void order.push('job 1'));
    const second = queue.run(async () => void order.push('job 2'));
    // An acknowledgement arriving now is handled between the two jobs, not after both.
    setImmediate(() => order.push('acknowledgement'));
    await Promise.all([first, second]);
    expect(order).toEqual(['job 1', 'acknowledgement', 'job 2']);
  });

  it('is idle once everything queued is done, logs a growing backlog and runs work at once when it is full', async () => {
    const { logger, warnings } = quietLogger();
    const queue = new WorkQueue({ name: 'test', logger, warnAt: 2, maxBacklog: 3 });
    const done: number[] = [];
    const jobs = [1, 2, 3, 4].map((n) => queue.run(async () => void done.push(n)));
    expect(done).toEqual([4]);
    await queue.idle();
    expect(done.sort()).toEqual([1, 2, 3, 4]);
    await Promise.all(jobs);
    expect(warnings).toEqual(['work is piling up: answers are running late', 'work backlog full: new work runs at once, acknowledgements will slow down']);
  });
});
