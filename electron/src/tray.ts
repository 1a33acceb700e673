import { Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron';
import { join } from 'node:path';
import { type TrayAction, type TrayIcon, trayIconName, trayMenu, type TrayMenuState } from './trayMenu.js';
import { trayTooltip } from './trayTooltip.js';

/** The tray / menu-bar icon: its menu comes from trayMenu(), its icon from trayIconName() (both pure). */
export function createTray(opts: { resourcesDir: string; onAction(action: TrayAction): void; onClick(): void }) {
  const icon = (name: TrayIcon) => {
    // name.png and name@2x.png: Electron picks the @2x file on high-density displays.
    const img = nativeImage.createFromPath(join(opts.resourcesDir, 'tray', `${name}.png`));
    // macOS menu bar: template images adapt to light/dark.
    if (process.platform === 'darwin') img.setTemplateImage(true);
    return img;
  };
  const tray = new Tray(icon('idle'));
  tray.setToolTip('Vouch');
  tray.on('click', () => opts.onClick());

  const update = (state: TrayMenuState) => {
    const template: MenuItemConstructorOptions[] = trayMenu(state).map((item) =>
      item.type === 'separator'
        ? { type: 'separator' }
        : {
            label: item.label ?? '',
            ...(item.type ? { type: item.type } : {}),
            ...(item.checked !== undefined ? { checked: item.checked } : {}),
            enabled: item.enabled ?? true,
            ...(item.action ? { click: () => opts.onAction(item.action!) } : {}),
          },
    );
    tray.setContextMenu(Menu.buildFromTemplate(template));
    const variant = trayIconName(state);
    tray.setImage(icon(variant));
    tray.setToolTip(trayTooltip(variant, state.speech));
  };
  return { tray, update };
}
