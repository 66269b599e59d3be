"""What publishing sets off: the GraphQL cache is purged and signed webhooks go to subscribed
sites."""
