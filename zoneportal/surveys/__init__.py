"""民意调查与征集调查: surveys built in the back office, answered and charted on the public site."""
