/**
 * The shell's modules are tested without Electron: if any of them imported 'electron' at run
 * time, this mock's factory would throw and fail the test file. Import this first.
 */
import { vi } from 'vitest';

vi.mock('electron', () => {
  throw new Error("the Electron shell's testable modules must not import 'electron' at run time");
});
