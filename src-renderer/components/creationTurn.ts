// Charts and grids are made one at a time, each in a task of its own (issue 17: no long task over
// 100 ms). Made from React state, a view's charts and grids all landed in one render's effects,
// one task of 300–600 ms at 100,000 people; queued here, the page answers between them.
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/** The creations waiting for their turn, the next first. */
const queue: (() => void)[] = [];
let isScheduled = false;

const runNext = () => {
  isScheduled = false;
  const make = queue.shift();
  if (queue.length) schedule();
  make?.();
};

function schedule(): void {
  if (isScheduled) return;
  isScheduled = true;
  // A message, not setTimeout: nested timers are held back 4 ms each after the fifth.
  const channel = new MessageChannel();
  channel.port1.onmessage = runNext;
  channel.port2.postMessage(null);
}

/**
 * Runs `make` in a task of its own once the creations queued before it have run, each in its own
 * task; `isNext`, before them (the rest of a creation begun, such as a chart's layout after its
 * option: queued last, it waited behind whatever was asked meanwhile). Returns the cancel (a
 * component gone before its turn makes nothing).
 */
export function inCreationTurn(make: () => void, isNext = false): () => void {
  if (isNext) queue.unshift(make);
  else queue.push(make);
  schedule();
  return () => {
    const i = queue.indexOf(make);
    if (i >= 0) queue.splice(i, 1);
  };
}

/**
 * False until the component's turn, true from then on: its render in that turn (and the effects
 * that make a grid) runs within the turn's task, not batched with the next component's.
 */
export function useCreationTurn(): boolean {
  const [isTurn, setTurn] = useState(false);
  useEffect(() => inCreationTurn(() => flushSync(() => setTurn(true))), []);
  return isTurn;
}
