import { describe, expect, it } from 'vitest';
import { claimSingleInstance, type InstanceApp } from '../../src-main/app/singleInstance';

/** A stand-in for Electron's app: the lock's answer, the listeners registered, whether it quit. */
function fakeApp(hasLock: boolean) {
  const listeners = new Map<string, (...args: never[]) => void>();
  const state = { quit: false };
  const app = {
    requestSingleInstanceLock: () => hasLock,
    quit: () => void (state.quit = true),
    on: (event: string, listener: (...args: never[]) => void) => listeners.set(event, listener),
  } as InstanceApp;
  const emit = (event: string, ...args: unknown[]) => (listeners.get(event) as ((...a: unknown[]) => void) | undefined)?.(...args);
  return { app, state, listeners, emit };
}

function handlers(ready: { value: boolean }) {
  const log: string[] = [];
  return { log, h: { isReady: () => ready.value, focus: () => log.push('focus'), open: (argv: string[], cwd: string) => log.push(`open ${argv.slice(1).join(' ')} in ${cwd}`) } };
}

describe('one running app (single-instance lock, second-instance, open-file)', () => {
  it('a second instance quits at once, listening to nothing', () => {
    const { app, state, listeners } = fakeApp(false);
    const { log, h } = handlers({ value: true });
    expect(claimSingleInstance(app, h, () => '/').isPrimary).toBe(false);
    expect(state.quit).toBe(true);
    expect(listeners.size).toBe(0);
    expect(log).toEqual([]);
  });

  it('the running app opens what a second instance was started with, in its working folder', () => {
    const { app, state, emit } = fakeApp(true);
    const { log, h } = handlers({ value: true });
    expect(claimSingleInstance(app, h, () => '/').isPrimary).toBe(true);
    expect(state.quit).toBe(false);
    emit('second-instance', {}, ['C:\\Qunxi\\Qunxi.exe', 'D:\\项目\\十月.qunxi'], 'D:\\项目');
    expect(log).toEqual(['focus', 'open D:\\项目\\十月.qunxi in D:\\项目']);
  });

  it('a file macOS sends before the app is ready waits; one sent afterwards opens at once', () => {
    const { app, emit } = fakeApp(true);
    const ready = { value: false };
    const { log, h } = handlers(ready);
    const instance = claimSingleInstance(app, h, () => '/Users/a');
    let prevented = 0;
    emit('open-file', { preventDefault: () => prevented++ }, '/Users/a/复盘.qunxi');
    expect(log).toEqual([]);
    expect(instance.pending()).toEqual(['/Users/a/复盘.qunxi']);
    // Taken once.
    expect(instance.pending()).toEqual([]);
    ready.value = true;
    emit('open-file', { preventDefault: () => prevented++ }, '/Users/a/新.qunxi');
    expect(log).toEqual(['focus', 'open /Users/a/新.qunxi in /Users/a']);
    expect(prevented).toBe(2);
  });
});
