import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startTestQuestDB } from '../support/questdb.js';

declare module 'vitest' {
  export interface ProvidedContext {
    qdbClientConf: string;
    qdbHttpUrl: string;
  }
}

// One QuestDB for the whole integration run, shared by the files and removed afterwards.
export default async function setup(project: TestProject) {
  const qdb = await startTestQuestDB('shared');
  project.provide('qdbClientConf', qdb.clientConf);
  project.provide('qdbHttpUrl', qdb.httpUrl);
  return async () => {
    await qdb.stop();
    rmSync(qdb.dataDir, { recursive: true, force: true });
  };
}
