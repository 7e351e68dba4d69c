// Enter pressed in Roster's terminal, for a fresh launch link. Read only while Roster is the terminal's foreground
// job: the OS stops a background job that reads its terminal (SIGTTIN), which would freeze the server started
// with `npm run start:web &`.
import fs from 'node:fs';

/** Linux: whether this process's group is the terminal's foreground group; elsewhere assumed (no /proc). */
export function inForeground(stat = () => fs.readFileSync('/proc/self/stat', 'utf8')): boolean {
  try {
    const text = stat();
    // After "pid (comm) ": state ppid pgrp session tty_nr tpgid ...
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return fields[2] === fields[5];
  } catch {
    return true;
  }
}

export function onEnter(handler: () => void, stdin: NodeJS.ReadStream = process.stdin): void {
  const listen = () => {
    stdin.setEncoding('utf8');
    stdin.on('data', (chunk: string) => {
      for (let i = chunk.split('\n').length - 1; i > 0; i--) handler();
    });
    stdin.on('error', () => {}); // no terminal: links come only from the first line
  };
  // A pipe (tests, tools) or /dev/null can always be read.
  if (!stdin.isTTY || inForeground()) { listen(); return; }
  // Started in the background: start listening once brought to the foreground (fg).
  const timer = setInterval(() => {
    if (!inForeground()) return;
    clearInterval(timer);
    listen();
  }, 1000);
  timer.unref();
}
