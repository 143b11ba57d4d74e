/** The audit log's action filter options: one group per area, opened by "every action in <area>". */
export function AuditActionOptions({
  areas,
  actions,
  areaOf,
  areaName,
  actionSentence,
  allInArea,
}: {
  areas: string[];
  actions: string[];
  /** lib/audit/audit-actions.ts's auditAreaOf (components do not import lib/audit). */
  areaOf: (action: string) => string;
  areaName: (area: string) => string;
  actionSentence: (action: string) => string;
  allInArea: (areaName: string) => string;
}) {
  return areas.map((area) => (
    <optgroup key={area} label={areaName(area)}>
      <option value={area}>{allInArea(areaName(area))}</option>
      {actions
        .filter((action) => areaOf(action) === area)
        .map((action) => (
          <option key={action} value={action}>
            {actionSentence(action)}
          </option>
        ))}
    </optgroup>
  ));
}
