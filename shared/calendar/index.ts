export { dayNumber, isoOf, weekday, yearOf } from './day-number.ts';
export { lunarToSolar, solarToLunar, VN_LUNAR_TZ, type LunarDate } from './lunar.ts';
export { builtInHolidays, type Holiday, type HolidayName } from './holidays.ts';
export { createWorkingCalendar, type CalendarHoliday, type CalendarOverride, type WorkingCalendar } from './working-calendar.ts';
