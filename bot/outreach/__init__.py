"""Outreach sites: a deep link per place where workers go, its QR code and a printable poster.

Nothing here knows Telegram or the database: the workers' desk asks for a link, a PNG and a PDF.
"""
