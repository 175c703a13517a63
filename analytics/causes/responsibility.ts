// Whose responsibility an outage's cause is (停电责任归属): the grid company, the customer
// side, a third party, or weather and nature. A cause nobody established (原因不明) stays
// undetermined: filing it under any party would hide exactly the outages whose cause the
// investigation still owes, and would move that party's share by however many there are.

import { CAUSES, type Cause } from '../../core/domain.js';
import { RESPONSIBILITIES, type ResponsibilityCode } from '../../core/vocabulary/index.js';

export { RESPONSIBILITIES };
export type Responsibility = ResponsibilityCode;

const BY_CAUSE: Readonly<Record<Cause, Responsibility>> = {
  equipment_fault: 'grid', // 设备故障: the grid's own equipment
  weather_fault: 'weather_nature', // 天气原因故障: wind, lightning, ice, rain
  natural_disaster: 'weather_nature', // 自然灾害: floods, landslides, earthquakes
  external_damage: 'third_party', // 外力破坏: digging, vehicles, kites, theft
  planned_maintenance: 'grid', // 计划检修: the grid's own work
  planned_construction: 'grid', // 计划施工: the grid's own work
  protective_supply_switching: 'grid', // 保供电接入及退出: the grid's operations
  mode_adjustment: 'grid', // 方式调整: the grid's operations
  // 电源不足限电: curtailment decided on the supply side of the power system (orderly use of
  // electricity), not by the customer, a third party or the weather.
  supply_shortage: 'grid',
  customer_side: 'customer_side', // 用户侧故障: a fault in the customer's installation
  arrears: 'customer_side', // 欠费停电: disconnection for unpaid bills
  unknown: 'undetermined', // 原因不明
};

export const responsibilityOf = (cause: Cause): Responsibility => BY_CAUSE[cause];

/** The causes of one responsibility, in the order of CAUSES. */
export const causesOf = (r: Responsibility): Cause[] => CAUSES.filter((c) => BY_CAUSE[c] === r);
