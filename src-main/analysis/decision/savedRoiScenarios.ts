/** Saved ROI预测 scenarios, kept in the project's definitions table under `roiScenarios` (savedList.ts). */
import { roiScenariosSchema, type RoiScenario } from '../../contract';
import { savedList } from './savedList';

/** The saved scenarios: read, save (by id), remove. */
export const savedRoiScenarios = savedList<RoiScenario>('roiScenarios', roiScenariosSchema);
