// Region path checks shared by assets and warnings: province → city → county. County names
// repeat across China (many 城关镇, 新华区), so a county or city is only meaningful under its
// parent; a warning or asset naming one without the other could not be matched reliably.

import type { Issue } from '../../core/issues.js';

interface Region {
  province?: string;
  city?: string;
  county?: string;
}

export function regionIssues(r: Region): Issue[] {
  const issues: Issue[] = [];
  if (r.city !== undefined && r.province === undefined) {
    issues.push({ path: 'province', message: `is required when city is given (${JSON.stringify(r.city)})` });
  }
  if (r.county !== undefined && r.city === undefined) {
    issues.push({ path: 'city', message: `is required when county is given (${JSON.stringify(r.county)})` });
  }
  return issues;
}
