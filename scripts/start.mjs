// `npm start`: build, then open the app on the demo project — in Electron where it can run,
// else in browser mode. Plain Node so it works before anything is compiled.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary, hasDisplay } from './electronBinary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Runs a command with the terminal attached; resolves to its exit code, forwarding Ctrl+C and kill. */
function run(command, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
    const forward = (signal) => {
      if (child.exitCode === null) child.kill(signal);
    };
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', (e) => {
      process.stderr.write(`群析：无法启动 ${path.basename(command)}：${e.message} / cannot start ${path.basename(command)}\n`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 0 : 1));
    });
  });
}

async function main() {
  const node = process.execPath;
  const electronVite = path.join(path.dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  const built = await run(node, [electronVite, 'build']);
  if (built !== 0) {
    process.stderr.write('群析：构建失败，请查看上面的输出 / build failed, see the output above\n');
    return built;
  }
  const electron = findElectronBinary(root);
  const display = hasDisplay();
  if (electron.path && display) {
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE;
    return run(electron.path, ['.', '--demo'], env);
  }
  const why = !electron.path ? electron.reason : 'no graphical display (DISPLAY / WAYLAND_DISPLAY unset)';
  process.stdout.write(
    `未找到 Electron 可执行文件（离线环境无法下载）或没有图形显示，改为以浏览器模式启动示例项目 / Electron binary or display not available (${why}); starting browser mode on the demo project\n`,
  );
  return run(node, [require.resolve('tsx/cli'), path.join('src-main', 'server', 'main.ts'), '--demo']);
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`群析：启动失败：${e instanceof Error ? e.message.split('\n')[0] : String(e)} / start failed\n`);
    process.exit(1);
  },
);
