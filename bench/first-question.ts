// Child of the benchmark: opens the index and the answer service as the server does (warm-ups included), then times one first question (retrieval or full answer).
import { createAnswerService } from '../answer/index.js';
import { loadSettings } from '../config.js';
import { openSearcher } from '../index/index.js';

const [mode, question] = process.argv.slice(2) as ['retrieval' | 'answer', string];
const s = loadSettings({ ...process.env, LOG_LEVEL: 'silent' });
const t0 = performance.now();
const searcher = await openSearcher(s); // with HybridSearcher.warmUp
const w0 = performance.now();
const service = createAnswerService(searcher, s);
await service.warmUp();
const t1 = performance.now();
const c1 = process.cpuUsage();
if (mode === 'answer') await service.ask({ question });
else await service.search(question, s.TOP_K);
const t2 = performance.now();
const c2 = process.cpuUsage(c1);
process.send!({ openMs: t1 - t0, warmUpMs: t1 - w0, firstMs: t2 - t1, firstCpuMs: (c2.user + c2.system) / 1000 }, () => process.exit(0));
