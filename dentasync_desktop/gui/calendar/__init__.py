"""The main Calendar page: day, week and month grids and the agenda list over the calendar
services (services/calendar.py for reading, services/events.py for moving and adding)."""
