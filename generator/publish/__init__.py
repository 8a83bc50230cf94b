"""Stage 5, publish: takes the built HTML and the page plan, gives the files around it (root
pages, sitemaps, feeds, calendars, the planner API, CDN and nginx rules) and checks every link.
"""
