export {
  addDays,
  addMonths,
  companyTimeZone,
  dayIn,
  daysBetween,
  DEFAULT_TIME_ZONE,
  endOfDayIn,
  firstOfMonth,
  mondayOf,
  startOfDayIn,
  todayIn,
  type CalendarDay,
} from './calendar-day.ts';
