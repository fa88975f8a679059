import { cpus, totalmem } from 'node:os';
import { benchApi } from './api.ts';
import { benchClassify } from './classify.ts';
import { benchExport } from './export.ts';
import { benchIngest } from './ingest.ts';
import { benchSearch } from './search.ts';

console.log(
  `GCM Tracker benchmarks — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length}× ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB`,
);
await benchIngest();
await benchClassify();
await benchSearch();
await benchApi();
await benchExport();
