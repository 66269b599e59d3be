"""The Toolkit's replication package: export it as a documented zip, import it elsewhere."""
