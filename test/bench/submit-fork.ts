import { type ChildProcess, fork } from 'node:child_process';

const running = new Set<ChildProcess>();

/**
 * Runs `file` (a bench module that answers one IPC message with one) in a process of its own: sends `input`,
 * resolves with its answer. Rejects if the process ends without answering.
 */
export function inOwnProcess<In, Out>(file: string, input: In): Promise<Out> {
  const child = fork(new URL(file, import.meta.url).pathname, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
  });
  running.add(child);
  return new Promise<Out>((resolve, reject) => {
    child.once('message', (answer) => resolve(answer as Out));
    child.once('exit', (code) => {
      running.delete(child);
      reject(new Error(`${file} exited with ${code} before answering`));
    });
    child.send(input as object);
  });
}

/** Ends the processes `inOwnProcess` started that are still running (on an interrupted run). */
export function stopOwnProcesses(): void {
  for (const child of running) child.kill('SIGKILL');
}
