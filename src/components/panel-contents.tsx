import { DataStatus } from './data-status.tsx';

/** Everything inside the side panel: data status, filters and the legend. */
export function PanelContents() {
  return <DataStatus />;
}
