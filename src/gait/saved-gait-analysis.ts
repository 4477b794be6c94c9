// Moved to gait-analysis-record.ts (issue 12); kept for the web app's import until web/src is rearranged.
export * from './gait-analysis-record.js';
