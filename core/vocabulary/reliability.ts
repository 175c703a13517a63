// The words of a reliability target's verdict: the reliability page's park table and headline,
// the fleet targets, the priority score's target gap and "what it buys". One wording, where
// three tables once disagreed: a year in progress is 进度内 or 进度落后 against the target
// pro-rated (not 超出进度, which many read as "ahead of schedule"). English is lower case, as
// within a sentence; a place that heads a cell or badge with it capitalises it there.

import type { TargetStatus } from './codes.js';
import type { Labels } from './label.js';

export const TARGET_STATUS_LABELS: Labels<TargetStatus> = {
  met: { zh: '达标', en: 'met' },
  not_met: { zh: '未达标', en: 'not met' },
  on_track: { zh: '进度内', en: 'on track' },
  off_track: { zh: '进度落后', en: 'off track' },
};
