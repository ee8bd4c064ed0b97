// Whether the view a component belongs to is the one shown. A visited view stays mounted, detached
// from the page, while another is shown (views/workspace/Workspace.tsx), so that going back to it
// draws nothing anew; meanwhile its queries ask nothing (api/useQuery.ts): on its return they ask
// what changed, as a first visit would.
import { createContext, useContext } from 'react';

/** False around a view kept mounted while another one is shown. */
export const ViewShownContext = createContext(true);

/** Whether this component's view is the one shown. */
export const useIsViewShown = (): boolean => useContext(ViewShownContext);
