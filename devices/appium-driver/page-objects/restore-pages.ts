/** Page objects of the restore main page and its file explorer. */
import type { ItemKind } from '../../../conformance/spec/file-types.js';
import { AppPage } from './app-page.js';
import { ELEMENT_ID_PATTERNS as ids, type ExplorerTab } from './locators.js';

export type RestoreKind = ItemKind | '2fa';

export class RestorePage extends AppPage {
  /** Taps a kind's checkbox: none selected selects all of it, some or all deselects. */
  toggleKind = (kind: RestoreKind) => this.tap({ id: ids.restoreSelect(kind) });
  summary = (kind: RestoreKind) => this.text({ id: ids.restoreSummary(kind) });
  /** none, orange (some selected) or blue (all). */
  colour = (kind: RestoreKind) => this.text({ id: ids.restoreColour(kind) });
  browse = (kind: ItemKind) => this.tap({ id: ids.restoreBrowse(kind) });
  selectedTotal = () => this.text('restoreSelectedTotal');
  /** The restore option the page offers: Original location, or Migration from the original device. */
  option = () => this.text('restoreOption');
  /** Restore: with nothing selected the app says so in a dialog, returned here. */
  async restore(): Promise<string | undefined> {
    await this.tap('restoreStart');
    return this.message();
  }
}

export class ExplorerPage extends AppPage {
  tab = (tab: ExplorerTab) => this.tap({ id: ids.explorerTab(tab) });
  kind = (kind: ItemKind) => this.tap({ id: ids.explorerKind(kind) });
  allView = () => this.tap('explorerViewAll');
  albumView = () => this.tap('explorerViewAlbum');
  toggleEnlarge = () => this.tap('explorerEnlarge');
  selectAll = () => this.tap('explorerSelectAll');
  deselectAll = () => this.tap('explorerDeselectAll');
  selected = () => this.text('explorerSelected');
  perRow = async () => Number((await this.text('explorerPerRow')).split(' ')[0]);
  done = () => this.tap('explorerDone');
}
