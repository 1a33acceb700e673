import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { LoginItemPort } from './loginItemPort.js';

/**
 * Launch at login on Linux desktops: an XDG autostart entry, `<name>.desktop` in
 * `$XDG_CONFIG_HOME/autostart` (default `~/.config/autostart`), per the Desktop Application
 * Autostart and Desktop Entry specifications. Electron's `setLoginItemSettings` covers only macOS
 * and Windows. Turning it off removes the file Vouch wrote (a file disabled by hand is left alone).
 */
export interface XdgAutostartOptions {
  /** The app's executable (the AppImage's path for an AppImage, otherwise `process.execPath`). */
  exec: string;
  args?: readonly string[];
  /** The file's base name (`vouch` → vouch.desktop). */
  name?: string;
  appName?: string;
  env: Readonly<Record<string, string | undefined>>;
  home?: string;
}

/** `$XDG_CONFIG_HOME/autostart`, or `~/.config/autostart` when unset or relative (the spec says to ignore a relative one). */
export function autostartDir(env: Readonly<Record<string, string | undefined>>, home: string = homedir()): string {
  const config = env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(home, '.config');
  return join(config, 'autostart');
}

/** Characters that make an Exec argument need quoting (Desktop Entry spec, "The Exec key"). */
const RESERVED = /[\s"'\\><~|&;$*?#()`]/;

/**
 * One argument of the Exec key. Reserved characters put the argument in double quotes, inside
 * which `"`, `` ` ``, `$` and `\` are backslash-escaped; `%` is doubled (field codes). The string
 * escape of the file format then doubles every backslash again, so one literal backslash in a
 * quoted argument is written as four.
 */
export function quoteExecArg(arg: string): string {
  if (/[\n\r\0]/.test(arg)) throw new TypeError('an Exec argument cannot contain a line break or NUL');
  const quoted = RESERVED.test(arg) ? `"${arg.replace(/["`$\\]/g, (c) => `\\${c}`)}"` : arg;
  return quoted.replace(/%/g, '%%').replace(/\\/g, '\\\\');
}

export function desktopEntry(opts: Pick<XdgAutostartOptions, 'exec' | 'args' | 'appName'>): string {
  const name = (opts.appName ?? 'Vouch').replace(/[\n\r]/g, ' ');
  const exec = [opts.exec, ...(opts.args ?? [])].map(quoteExecArg).join(' ');
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${name}`,
    'Comment=Voice assistant for your mail, calendar and messages',
    `Exec=${exec}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export function xdgAutostart(opts: XdgAutostartOptions): LoginItemPort & { readonly file: string } {
  const file = join(autostartDir(opts.env, opts.home), `${opts.name ?? 'vouch'}.desktop`);
  return {
    file,
    async isEnabled() {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch {
        return false;
      }
      // Hidden=true or X-GNOME-Autostart-enabled=false: the desktop skips the entry.
      return !/^Hidden\s*=\s*true\s*$/m.test(text) && !/^X-GNOME-Autostart-enabled\s*=\s*false\s*$/m.test(text);
    },
    async setEnabled(enabled) {
      if (!enabled) return rm(file, { force: true });
      await mkdir(autostartDir(opts.env, opts.home), { recursive: true });
      await writeFile(file, desktopEntry(opts), { mode: 0o644 });
    },
  };
}
