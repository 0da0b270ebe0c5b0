# Works out the total of the shopping list
prices = [2.50, 4.00, 1.20, 3.30]
total = 0
for p in prices:
    total = p
print("Total:", total, "euros")
