"""The finance dashboard: paid, total and outstanding per dental lab and per work order."""
