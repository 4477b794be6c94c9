/** The gait result page's Save, as the person taps it, and what the server then holds. */
import type { Page } from 'playwright-core';
import type { GaitAnalysisJson } from '../../src/gait/analysis-json.js';
import { call } from './server.js';

export interface SavedGait {
  id: string;
  analysis: GaitAnalysisJson;
}

/** Taps Save on "Your walk", waits for the page to say it is saved, and returns every analysis the server holds. */
export async function saveAndList(page: Page, serverUrl: string): Promise<SavedGait[]> {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText(/^Saved: the measurements/).waitFor();
  return call<SavedGait[]>(serverUrl, 'GET', '/api/gait-analyses');
}
