/**
 * Where the user is in the app: the current screen and the way back. The four main pages are reached from the tab
 * bar and reset the way back, as a tab bar does; every other screen is pushed on top of the one it was opened from.
 */
export const MAIN_SCREENS = ['home', 'backup', 'two-factor', 'more'] as const;
export const SUB_SCREENS = [
  'connection',
  'restore',
  'restore-explorer',
  'secret-entry',
  'account-edit',
  'account-reorder',
  'scanner',
  'pair-confirm',
  'migration',
  'backup-source',
  'recovery-phone',
  'authenticate',
  'free-up-limit',
  'language',
  'help',
  'app-log',
  'log-filter',
] as const;
export type MainScreen = (typeof MAIN_SCREENS)[number];
export type ScreenName = MainScreen | (typeof SUB_SCREENS)[number];

export const isMainScreen = (screen: ScreenName): screen is MainScreen =>
  (MAIN_SCREENS as readonly string[]).includes(screen);

export class Navigation {
  private stack: ScreenName[] = ['home'];

  get current(): ScreenName {
    return this.stack.at(-1) as ScreenName;
  }

  /** The screens from the main page to the current one. */
  get path(): readonly ScreenName[] {
    return this.stack;
  }

  open(screen: ScreenName): void {
    if (isMainScreen(screen)) this.stack = [screen];
    else if (this.current !== screen) this.stack.push(screen);
  }

  /** The system back button: one screen back; on a main page it stays (the app does not quit). */
  back(): ScreenName {
    if (this.stack.length > 1) this.stack.pop();
    return this.current;
  }

  /** Back to `screen` if it is on the way back, else opens it. */
  returnTo(screen: ScreenName): void {
    const at = this.stack.lastIndexOf(screen);
    if (at >= 0) this.stack = this.stack.slice(0, at + 1);
    else this.open(screen);
  }
}
