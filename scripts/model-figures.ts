/**
 * Second step of `npm run calibrate`: the development corpus's figures with the refitted model and
 * the real matcher, written to src/lib/matcher/model-figures.json for the unit test that guards
 * them (tests/unit/model.test.ts). A separate process, so that it reads the model just written.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpora } from '../bench/corpora';
import { corpusFigures } from '../bench/figures';
import { matcherFromContent } from '../src/lib/node/matcher-from-content';
import { ROOT } from '../src/lib/node/load-content';

const dev = corpora().find((c) => c.name === 'dev');
if (!dev) throw new Error('model-figures: no dev corpus in bench/corpus/');
const figures = corpusFigures(matcherFromContent().matcher, dev);
const file = join(ROOT, 'src/lib/matcher/model-figures.json');
writeFileSync(file, `${JSON.stringify({ dev: figures }, null, 2)}\n`);
console.log(`Wrote ${file}: ${JSON.stringify(figures)}`);
