"""Master-data pages: dental labs, customers, patients, services & prices, staff & users."""
