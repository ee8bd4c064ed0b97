import { abtestCommand } from './abtest';
import { activityCommand } from './activity';
import { behavioursCommand } from './behaviours';
import { channelsCommand } from './channels';
import { churnCommand } from './churn';
import { communityEffectCommand } from './communityEffect';
import { contributionCommand } from './contribution';
import { featuresCommand } from './features';
import { funnelCommand } from './funnel';
import { growthCommand } from './growth';
import { lookalikeCommand } from './lookalike';
import { ltvCommand } from './ltv';
import { quadrantCommand } from './quadrant';
import { retentionCommand } from './retention';
import { roiCommand } from './roi';
import type { AnalysisCommandSpec } from './types';

/** Every analysis subcommand, in the order the usage lists them. */
export const analysisCommands: AnalysisCommandSpec[] = [
  funnelCommand,
  churnCommand,
  retentionCommand,
  channelsCommand,
  activityCommand,
  featuresCommand,
  behavioursCommand,
  quadrantCommand,
  abtestCommand,
  communityEffectCommand,
  growthCommand,
  contributionCommand,
  roiCommand,
  ltvCommand,
  lookalikeCommand,
] as AnalysisCommandSpec[];
