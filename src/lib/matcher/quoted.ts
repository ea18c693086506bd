/**
 * The `quoted` model (model.ts), which decides `match`: boosted trees that `npm run calibrate`
 * writes to model-quoted.json. Only fuzzy search imports it, so the trees load with fuzzy search.
 */
import trees from './model-quoted.json';
import type { FeatureName } from './model';
import type { Boosted } from './trees';

/** JSON has no tuple types: the trees' feature names are checked against FEATURES in model.test.ts. */
export const QUOTED = trees as Boosted<FeatureName>;
