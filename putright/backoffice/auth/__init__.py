"""Staff sign-in: email and password, lockout, two-factor codes, sign-out and password reset.

`access.staff_required` guards every staff page: signed in, and verified with a code where one is needed.
"""
