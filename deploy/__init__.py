"""What an operator installs (nginx, systemd) and `make prod` (stack.py) runs on one machine."""
