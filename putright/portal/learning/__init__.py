"""The public "you said, we did" page: the lessons a landlord chose to publish, in words written for it."""
