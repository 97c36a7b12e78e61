/**
 * 发文机关 / issuers: ids from organizations.yaml, at least one (joint issuance lists several).
 * A single id is accepted and normalized to a one-item list.
 */
import { idListSchema } from './common.ts';

export const issuersSchema = idListSchema(1);
