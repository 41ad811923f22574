"""Reports: the TWG-MA aid-effectiveness report and its tables and charts."""
