/** Stream names as DESIGN.md ("Event store") fixes them. */
export const applicationStreamId = (applicationId: string): string => `application-${applicationId}`;

export const fiscalYearStreamId = (fiscalYear: number): string => `fiscal-year-${fiscalYear}`;
