"""`drafter serve`: the workbench's local HTTP server — a thin shell over the functions the commands call.

app.py builds the Starlette app; doors.py keeps the door shut (Host, Origin, headers, body size, paths);
uploads.py holds uploads in a private folder for the length of one request; pool.py runs the CPU-bound work
in worker processes; tasks.py is what runs there (it calls drafter.commands.*); jobs.py tracks long work with
its progress; endpoints.py is the /api/ contract of DESIGN.md; ui_api.py the endpoints only the pages need.
The contract, for the pages and for an office's own systems, is README.md beside this file.
"""
