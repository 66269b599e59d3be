"""Printable guides: the Manifesto, the Toolkit, its modules, the strategies and the *How your
input was used* pages as PDF documents (WeasyPrint), served at the page's URL + `pdf/`."""
