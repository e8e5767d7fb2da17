"""Letters and messages to customers: versioned templates made of required sections, rendered as HTML
email with a plain-text part and as PDF on the landlord's letterhead, sent by background tasks."""
