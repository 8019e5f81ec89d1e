// The menu commands live in src/domain/menu-commands.ts (electron/ uses them too);
// re-exported here for the UI's existing imports. Add new commands there.
export { isMenuCommand, MENU_COMMANDS, type MenuCommand } from '../domain/menu-commands';
