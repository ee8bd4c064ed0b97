/** When the community is active: weekday × hour. */
import { z } from 'zod';
import { analysisScope } from './common';
import { method } from './method';

/** Messages and active people by weekday × hour. */
export interface ActivityCell {
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** 0–23 local hour. */
  hour: number;
  messages: number;
  people: number;
}

/** The `activity:*` methods. */
export const activityMethods = {
  'activity:query': method<ActivityCell[]>()(z.object(analysisScope)),
};
